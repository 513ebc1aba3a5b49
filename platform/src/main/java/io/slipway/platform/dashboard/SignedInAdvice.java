package io.slipway.platform.dashboard;

import io.slipway.platform.security.Caller;
import io.slipway.platform.security.Owners;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every dashboard page knows who is signed in (the top bar shows it; admin links only for admins). */
@ControllerAdvice(basePackageClasses = SignedInAdvice.class)
class SignedInAdvice {

    private final Owners owners;

    SignedInAdvice(Owners owners) {
        this.owners = owners;
    }

    @ModelAttribute("signedIn")
    Caller signedIn() {
        return owners.current().orElse(null);
    }
}
