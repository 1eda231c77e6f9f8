/** Small helpers the other packages share: writing a file that is never half written. */
package org.w3id.newsgraph.util;
