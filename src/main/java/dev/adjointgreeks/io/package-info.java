/**
 * Files: atomic writes through a temporary sibling renamed over the target only when the writer
 * finished (temporary files removed on error, SIGTERM and SIGINT), and RFC 4180 CSV fields.
 */
package dev.adjointgreeks.io;
