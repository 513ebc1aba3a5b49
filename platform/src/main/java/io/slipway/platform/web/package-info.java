/** HTTP concerns shared by the controllers: problem details for every error. */
package io.slipway.platform.web;
