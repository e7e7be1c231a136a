/**
 * Web plumbing shared by every feature: templates, error pages, security headers, health, sessions
 * and CSRF, the client's address behind trusted proxies, the site's configured public URL (never the
 * Host header), and which paths a redirect may go to.
 */
package glossa.web;
