/**
 * Accounts and access to the platform: users with a role (admin or member), teams, personal API
 * tokens, sign-in, and who may see and change which app. The first admin is made at first start;
 * there is never a default password.
 */
package io.slipway.platform.security;
