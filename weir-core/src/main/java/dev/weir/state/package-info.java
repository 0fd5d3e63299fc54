/** States of flow runs and task runs, and the one table of legal transitions between their types. */
package dev.weir.state;
