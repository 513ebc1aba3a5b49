/** The audit log: who deployed, rolled back, scaled, deleted or changed access, and when. */
package io.slipway.platform.audit;
