/**
 * What the dashboard pages show, as small immutable records. They are filled in one place, {@link
 * dev.specgate.web.internal.CoreAdapter}, from core's check results, so that the templates never
 * read core's model directly.
 */
package dev.specgate.web.view;
