package io.slipway.platform.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.platform.PlatformHarness;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Accounts in headless Chromium: a wrong password is refused; an admin adds a member on the users
 * page and makes an API token that is shown once, works on the API and stops working when revoked;
 * the member signs in and sees no admin pages.
 */
class AccountsBrowserTests {

    @TempDir
    Path dataDir;

    PlatformHarness platform;
    Browser browser;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void adminAddsAMemberAndATokenThatWorksUntilRevoked() throws Exception {
        platform = PlatformHarness.start(dataDir, "process");
        browser = Browser.open(platform.url(""));
        assertThat(browser.text("#signed-in")).isEqualTo("admin");
        assertThat(browser.driver.findElements(By.linkText("Audit log"))).hasSize(1);

        browser.go("/dashboard/users");
        browser.find("#new-username").sendKeys("bea");
        browser.find("#new-user-password").sendKeys("bea-password-123");
        browser.find("#new-user-form button[type=submit]").click();
        awaitPage(d -> d.findElement(By.cssSelector("#users")).getText().contains("bea"));
        assertThat(browser.text("#users")).contains("bea").contains("member");

        browser.go("/dashboard/tokens");
        browser.find("#token-name").sendKeys("laptop");
        browser.find("#new-token-form button[type=submit]").click();
        String token = browser.await("#new-token-value", Duration.ofSeconds(10)).getText();
        assertThat(token).matches("swt_[A-Za-z0-9_-]{43}");
        assertThat(platform.getAs(token, "/api/v1/user").body()).contains("\"username\":\"admin\"");
        browser.go("/dashboard/tokens");
        assertThat(browser.driver.getPageSource()).doesNotContain(token).contains(token.substring(0, 10) + "...");
        browser.find("#tokens button[aria-label='Revoke token laptop']").click();
        awaitPage(d -> !d.findElement(By.cssSelector("#tokens")).getText().contains("laptop"));
        assertThat(browser.text("#tokens")).doesNotContain("laptop");
        assertThat(platform.getAs(token, "/api/v1/user").status()).isEqualTo(401);

        browser.signOut();
        browser.signIn("bea", "wrong-password-123");
        assertThat(browser.driver.getCurrentUrl()).contains("/login");
        assertThat(browser.text("#login-error")).contains("Wrong user name or password");
        browser.signIn("bea", "bea-password-123");
        assertThat(browser.text("#signed-in")).isEqualTo("bea");
        assertThat(browser.driver.findElements(By.linkText("Audit log"))).isEmpty();
        assertThat(browser.driver.findElements(By.linkText("Users"))).isEmpty();
        browser.go("/dashboard/users");
        assertThat(browser.driver.getPageSource()).doesNotContain("bea-password").doesNotContain("id=\"new-user-form\"");
        assertThat(browser.driver.getTitle()).doesNotStartWith("Users");
    }

    /** Waits for the page a form's submit leads to: a click returns before the browser has loaded it. */
    private void awaitPage(java.util.function.Function<WebDriver, Boolean> loaded) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).ignoring(NoSuchElementException.class)
                .ignoring(StaleElementReferenceException.class).until(loaded::apply);
    }
}
