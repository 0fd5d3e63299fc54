/** Flow runs, task runs, the edges between them and their log lines, as shared records. */
package dev.weir.run;
