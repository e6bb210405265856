package com.upgradecoordination.faulttests;

import java.util.ArrayList;
import java.util.List;

/** Which fault's window a moment falls in: each window lasts from its start to the next one's. */
final class Timeline {

    record Window(String label, long startMillis) {
    }

    private final List<Window> windows = new ArrayList<>();

    synchronized void begin(String label) {
        windows.add(new Window(label, System.currentTimeMillis()));
    }

    /** The label of the window {@code atMillis} falls in; the first one for earlier moments. */
    synchronized String labelAt(long atMillis) {
        String label = windows.get(0).label();
        for (Window window : windows) {
            if (window.startMillis() <= atMillis) {
                label = window.label();
            } else {
                break;
            }
        }
        return label;
    }

    synchronized List<Window> windows() {
        return List.copyOf(windows);
    }
}
