package dev.specgate.cli.common;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an enum option's value in any case, and names the values as help shows them (each
 * constant's {@code toString()}, such as {@code auto, always, never}) when it is none of them:
 * picocli's own converter lists the constants' names in capitals.
 */
public final class EnumValueConverter<E extends Enum<E>> implements ITypeConverter<E> {

    private final Class<E> type;

    private EnumValueConverter(Class<E> type) {
        this.type = requireNonNull(type, "type must not be null");
    }

    /** Registers a converter for every enum type an option or parameter of {@code cl} takes. */
    public static void registerAll(CommandLine cl) {
        Set<Class<?>> enums = new LinkedHashSet<>();
        collect(cl, enums);
        for (Class<?> e : enums) {
            register(cl, e.asSubclass(Enum.class));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void register(CommandLine cl, Class<? extends Enum> type) {
        cl.registerConverter((Class) type, new EnumValueConverter(type));
    }

    private static void collect(CommandLine cl, Set<Class<?>> enums) {
        for (ArgSpec arg : cl.getCommandSpec().args()) {
            if (arg.type().isEnum()) {
                enums.add(arg.type());
            }
        }
        cl.getSubcommands().values().forEach(sub -> collect(sub, enums));
    }

    @Override
    public E convert(String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.toString().equalsIgnoreCase(value)
                    || constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw new TypeConversionException(
                "'"
                        + value
                        + "' is not one of "
                        + Arrays.stream(type.getEnumConstants())
                                .map(E::toString)
                                .collect(Collectors.joining(", ")));
    }
}
