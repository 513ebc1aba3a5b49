package io.slipway.platform.router;

/** Asked by the router to start an instance of an app that has none ready (scale from zero). */
@FunctionalInterface
public interface ColdStarts {

    /** Called when a request arrives for {@code app} and it has no ready instance; must not block. */
    void wake(String app);

    /** Does nothing: requests wait for an instance someone else starts. */
    ColdStarts NONE = app -> {
    };
}
