package io.slipway.platform.dashboard;

import io.slipway.buildpacks.bundle.BundleException;
import io.slipway.buildpacks.manifest.ManifestException;
import io.slipway.platform.quota.QuotaExceededException;
import io.slipway.platform.web.BadRequestException;
import io.slipway.platform.web.ConflictException;
import io.slipway.platform.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the dashboard's pages as an HTML page. Ordered ahead of the API's problem-details
 * advice, and limited to this package, so {@code /api/v1} keeps answering RFC 9457 JSON.
 */
@ControllerAdvice(basePackageClasses = DashboardErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DashboardErrors {

    private static final Logger log = LoggerFactory.getLogger(DashboardErrors.class);

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return page(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler({BadRequestException.class, ManifestException.class, BundleException.class,
            IllegalArgumentException.class})
    ModelAndView badRequest(RuntimeException e) {
        return page(HttpStatus.BAD_REQUEST, "That did not work", e.getMessage());
    }

    @ExceptionHandler(QuotaExceededException.class)
    ModelAndView quotaExceeded(QuotaExceededException e) {
        return page(HttpStatus.FORBIDDEN, "Quota exceeded", e.getMessage() + "; nothing was changed");
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException e) {
        return page(HttpStatus.CONFLICT, "Conflict", e.getMessage());
    }

    /** A followed build log outlived the server's async timeout: the stream just ends, and the page reads it again. */
    @ExceptionHandler(AsyncRequestTimeoutException.class)
    void streamTimedOut() {
    }

    /** Spring MVC's own errors (wrong method, missing parameter, ...) keep their status. */
    @ExceptionHandler(Exception.class)
    ModelAndView other(Exception e) {
        if (e instanceof ErrorResponse response) {
            HttpStatus status = HttpStatus.valueOf(response.getStatusCode().value());
            return page(status, status.getReasonPhrase(), response.getBody().getDetail());
        }
        log.error("dashboard page failed", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
                "internal error (" + e.getClass().getSimpleName() + "); see the platform log");
    }

    private static ModelAndView page(HttpStatus status, String title, String message) {
        ModelAndView view = new ModelAndView("error");
        view.setStatus(status);
        view.addObject("status", status.value());
        view.addObject("error", title);
        view.addObject("message", message);
        return view;
    }
}
