package io.slipway.platform.dashboard;

/**
 * The "deploy a model file" form: what the manifest needs beyond the model file itself. Numbers
 * are kept as typed so a wrong one can be shown back next to its field.
 */
public class ModelForm {

    private String appName = "";
    private String modelName = "";
    private String format = "auto";
    private String inputName = "";
    private String inputDatatype = "FP32";
    private String inputShape = "";
    private String minInstances = "1";
    private String maxInstances = "3";

    public String getAppName() {
        return appName;
    }

    public void setAppName(String appName) {
        this.appName = strip(appName);
    }

    public String getModelName() {
        return modelName;
    }

    public void setModelName(String modelName) {
        this.modelName = strip(modelName);
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = strip(format);
    }

    public String getInputName() {
        return inputName;
    }

    public void setInputName(String inputName) {
        this.inputName = strip(inputName);
    }

    public String getInputDatatype() {
        return inputDatatype;
    }

    public void setInputDatatype(String inputDatatype) {
        this.inputDatatype = strip(inputDatatype);
    }

    public String getInputShape() {
        return inputShape;
    }

    public void setInputShape(String inputShape) {
        this.inputShape = strip(inputShape);
    }

    public String getMinInstances() {
        return minInstances;
    }

    public void setMinInstances(String minInstances) {
        this.minInstances = strip(minInstances);
    }

    public String getMaxInstances() {
        return maxInstances;
    }

    public void setMaxInstances(String maxInstances) {
        this.maxInstances = strip(maxInstances);
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
