/** The data plane: routes /apps/{app}/... to the ready instances of the app. */
package io.slipway.platform.router;
