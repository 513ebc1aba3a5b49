package io.slipway.platform.dashboard;

/** The "upload a bundle" form: the app to deploy to (the archive comes as a separate file part). */
public class BundleForm {

    private String appName = "";

    public String getAppName() {
        return appName;
    }

    public void setAppName(String appName) {
        this.appName = appName == null ? "" : appName.strip();
    }
}
