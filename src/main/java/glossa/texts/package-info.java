/**
 * Adding a text: the form (title, author, publication, date, source, Markdown) with its server-rendered
 * preview, and uploads of .md, .txt and .html files turned into Markdown (the main content of a web
 * page picked with jsoup, its debris listed so that the editor can keep any of it).
 */
package glossa.texts;
