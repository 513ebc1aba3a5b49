/** An app's secrets: environment values kept encrypted (AES-GCM), shown by name only, injected when an instance starts. */
package io.slipway.platform.secrets;
