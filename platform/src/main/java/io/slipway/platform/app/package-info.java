/** Apps: create, list, describe, delete. */
package io.slipway.platform.app;
