/**
 * The web dashboard: server-rendered pages (Thymeleaf, templates in {@code web-ui/}) to list apps,
 * deploy from the browser, follow a build, try a model, roll back and read instance logs.
 */
package io.slipway.platform.dashboard;
