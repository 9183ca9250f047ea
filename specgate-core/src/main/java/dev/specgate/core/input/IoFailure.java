package dev.specgate.core.input;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Says why a file operation failed, in the words of a one-line error ("permission denied"), rather
 * than with the bare path the JDK's file exceptions carry as their message.
 */
public final class IoFailure {

    private IoFailure() {}

    /** The reason {@code e} happened, for a message such as "cannot write X: REASON". */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException n) {
            return "no such file or folder" + about(n);
        }
        if (e instanceof FileAlreadyExistsException f) {
            return "already exists" + about(f);
        }
        if (e instanceof NotDirectoryException n) {
            return "not a folder" + about(n);
        }
        if (e instanceof DirectoryNotEmptyException d) {
            return "folder not empty" + about(d);
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return lowerFirst(f.getReason()) + about(f);
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static String about(FileSystemException e) {
        return e.getFile() == null ? "" : " (" + e.getFile() + ")";
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
