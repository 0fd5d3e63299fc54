package dev.weir.cli.project;

import dev.weir.core.WeirException;

/** A {@code weir.yaml} that cannot be used, or a bundle that cannot be built: the message says where and why. */
public final class ProjectFileException extends WeirException {

    ProjectFileException(String message) {
        super(message);
    }

    ProjectFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
