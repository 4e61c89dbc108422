package org.dds.training.testing;

import org.dds.training.backend.NativeBackend;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Selects the oneDNN build of ND4J and enables DL4J's helpers before any test class touches ND4J. */
public final class NativeBackendListener implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        NativeBackend.configure();
    }
}
