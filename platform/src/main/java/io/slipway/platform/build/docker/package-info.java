/**
 * Image builds with docker-java: the runtime base image (pulled, or bootstrapped once from the
 * host JDK), and each release's image from its build plan with one cached layer per plan layer.
 */
package io.slipway.platform.build.docker;
