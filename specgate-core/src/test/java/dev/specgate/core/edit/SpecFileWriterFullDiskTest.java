package dev.specgate.core.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An edit written in place (a hard-linked spec, another user's group-writable one) on a disk that
 * fills up: the spec keeps its old text whole, never the new text's start over the old one's.
 */
class SpecFileWriterFullDiskTest {

    private static final String SPEC =
            "\uFEFF# Spec: Café retry queue\r\n"
                    + "\r\n"
                    + "**Document Status:** Draft\r\n"
                    + "\r\n"
                    + "## Implementation Checklist\r\n"
                    + "\r\n"
                    + "> Tick as you go: `[x]` means done.\r\n"
                    + "\r\n"
                    + "- [] Set up the queue [draft]\r\n"
                    + "- [ x] Add the retry table\r\n"
                    + "\r\n"
                    + "| step | owner |\r\n"
                    + "|------|-------|\r\n"
                    + "| one  | Zoë   |"; // no final line break

    @TempDir Path dir;

    @Test
    void aFullDiskRefusesAGrowingEditAndTheFileKeepsItsText() throws IOException {
        byte[] before = SPEC.getBytes(StandardCharsets.UTF_8);
        byte[] after =
                SPEC.replace("- [] ", "- [ ] ")
                        .replace("- [ x] ", "- [x] ")
                        .replace("queue [draft]", "queue [draft], then the dead-letter queue")
                        .getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("2026-11-20_spec_retry-queue.md"), before);

        try (FileChannel real = FileChannel.open(file, StandardOpenOption.WRITE);
                FileChannel full = new FullDisk(real, before.length + 8)) {
            assertThatThrownBy(() -> SpecFileWriter.writeInPlace(full, after))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("No space left on device");
        }

        assertThat(Files.readString(file)).isEqualTo(SPEC);
    }

    @Test
    void anEditThatFitsIsWrittenWhole() throws IOException {
        byte[] before = SPEC.getBytes(StandardCharsets.UTF_8);
        byte[] longer = (SPEC + "\r\n| two  | Ada   |\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] shorter = "# Spec: Café\r\n".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("2026-11-20_spec_retry-queue.md"), before);

        try (FileChannel real = FileChannel.open(file, StandardOpenOption.WRITE);
                FileChannel roomy = new FullDisk(real, longer.length)) {
            SpecFileWriter.writeInPlace(roomy, longer);
            assertThat(Files.readAllBytes(file)).isEqualTo(longer);
            SpecFileWriter.writeInPlace(roomy, shorter);
            assertThat(Files.readAllBytes(file)).isEqualTo(shorter);
        }
    }

    /**
     * A file channel on a disk with room for {@code capacity} bytes of the file: a write past it
     * writes what fits, then fails as a full disk does.
     */
    private static final class FullDisk extends FileChannel {
        private final FileChannel real;
        private final long capacity;

        FullDisk(FileChannel real, long capacity) {
            this.real = real;
            this.capacity = capacity;
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            long room = capacity - position;
            if (room <= 0) {
                throw new IOException("No space left on device");
            }
            if (src.remaining() > room) {
                ByteBuffer fits = src.slice().limit((int) room);
                int n = real.write(fits, position);
                src.position(src.position() + n);
                return n;
            }
            return real.write(src, position);
        }

        @Override
        public long size() throws IOException {
            return real.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            real.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            real.force(metaData);
        }

        @Override
        public int read(ByteBuffer dst) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int write(ByteBuffer src) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long position() {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileChannel position(long newPosition) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(ByteBuffer dst, long position) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected void implCloseChannel() {
            // the real channel is closed by its owner
        }
    }
}
