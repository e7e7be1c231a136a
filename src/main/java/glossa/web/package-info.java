/** Web plumbing shared by every feature: templates, error pages, security headers, health. */
package glossa.web;
