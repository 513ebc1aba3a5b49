package io.slipway.platform.web;

import io.slipway.buildpacks.bundle.BundleException;
import io.slipway.buildpacks.manifest.ManifestException;
import io.slipway.buildpacks.manifest.ManifestProblem;
import io.slipway.platform.quota.QuotaExceededException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Turns the platform's exceptions into RFC 9457 problem details, in this one place. */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ManifestException.class)
    ProblemDetail invalidManifest(ManifestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "the bundle's manifest is invalid: " + e.problems().size() + " problem(s); nothing was deployed");
        problem.setTitle("Invalid manifest");
        problem.setProperty("errors", e.problems().stream().map(ManifestProblem::toString).toList());
        return problem;
    }

    @ExceptionHandler(BundleException.class)
    ProblemDetail invalidBundle(BundleException e) {
        boolean tooLarge = e.kind() == BundleException.Kind.TOO_LARGE;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST, e.getMessage() + "; nothing was deployed");
        problem.setTitle("Invalid bundle");
        if (e.entry() != null) {
            problem.setProperty("entry", e.entry());
        }
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException e) {
        log.error("request failed", e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal error (" + e.getClass().getSimpleName() + "); see the platform log");
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(QuotaExceededException.class)
    ProblemDetail quotaExceeded(QuotaExceededException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.quota().equals("maxBundleSize")
                ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.FORBIDDEN, e.getMessage() + "; nothing was changed");
        problem.setTitle("Quota exceeded");
        problem.setProperty("quota", e.quota());
        return problem;
    }

    @ExceptionHandler(BadRequestException.class)
    ProblemDetail badRequest(BadRequestException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
