package org.bitext.cli;

/** "1 turn", "2 turns": a count with its noun, for the nouns the command line uses (all plural in -s). */
final class Counts {
    private Counts() {
    }

    static String of(int n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }
}
