package org.w3id.newsgraph.server;

import org.w3id.newsgraph.ErrorId;
import org.w3id.newsgraph.NewsGraphException;

/** The server could not listen because another program already uses the port. */
public class PortInUseException extends NewsGraphException {
  private static final long serialVersionUID = 1L;

  private final int port;

  public PortInUseException(String host, int port, Throwable cause) {
    super(ErrorId.PORT_IN_USE, "port " + port + " on " + host + " is in use", cause);
    this.port = port;
  }

  /** The port that is in use. */
  public int port() {
    return port;
  }
}
