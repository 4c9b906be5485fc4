package dev.berth.generator.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a printed command line into its words as printed: separated by spaces and tabs outside double quotes,
 * each word kept verbatim (quotes and escapes included). Comparison works on the text both sides print, so it
 * does not unescape anything and cannot be fooled by a shared unescaping bug.
 */
final class PrintedWords {

    private PrintedWords() {
    }

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inQuotes = false;
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!inQuotes && (c == ' ' || c == '\t')) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                continue;
            }
            inWord = true;
            word.append(c);
            if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
            } else if (c == '"') {
                inQuotes = !inQuotes;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
