package dev.berth.generator;

import java.util.Optional;

/**
 * Reads the numeric UID/GID values of {@code [Volume] User=} and {@code Group=} the way Quadlet's
 * {@code LookupUint32} does (strtol-like: {@code 0x} hexadecimal, a leading {@code 0} octal), but tells apart
 * the values Quadlet silently turns into 0 (names, negative or too large numbers, garbage).
 */
final class NumericIds {

    private static final long MAX_UINT32 = 0xFFFF_FFFFL;

    /** A successfully read id, or why the value is not one. */
    record Result(Optional<Long> id, String problem) {
        static Result of(long id) {
            return new Result(Optional.of(id), "");
        }

        static Result bad(String problem) {
            return new Result(Optional.empty(), problem);
        }
    }

    private NumericIds() {
    }

    static Result read(String value) {
        if (value.isEmpty()) {
            return Result.bad("is empty");
        }
        // Only the name root is certain to be id 0 on every system; Quadlet gets it right by accident.
        if (value.equals("root")) {
            return Result.of(0);
        }
        String digits = value;
        boolean negative = false;
        if (digits.startsWith("+")) {
            digits = digits.substring(1);
        } else if (digits.startsWith("-")) {
            digits = digits.substring(1);
            negative = true;
        }
        int radix = 10;
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            digits = digits.substring(2);
            radix = 16;
        } else if (digits.startsWith("0")) {
            radix = 8;
        }
        if (digits.isEmpty() || !allDigits(digits, radix)) {
            return Result.bad("is not a number");
        }
        long parsed;
        try {
            parsed = Long.parseLong(digits, radix);
        } catch (NumberFormatException e) {
            return Result.bad("is out of range");
        }
        if (negative && parsed != 0) {
            return Result.bad("is negative");
        }
        if (parsed > MAX_UINT32) {
            return Result.bad("is larger than 4294967295");
        }
        return Result.of(parsed);
    }

    /** ASCII digits of the radix only: Java would also accept other scripts' digits, Go does not. */
    private static boolean allDigits(String s, int radix) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 127 || Character.digit(c, radix) < 0) {
                return false;
            }
        }
        return true;
    }
}
