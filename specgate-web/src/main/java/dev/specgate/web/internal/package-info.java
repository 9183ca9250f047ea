/** How the dashboard is made. Nothing outside {@code dev.specgate.web} imports this package. */
package dev.specgate.web.internal;
