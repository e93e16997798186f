package dev.progressive.runtime;

public final class AgentMain {
  public static void main(String[] args) {
    System.out.println("agent-runtime");
  }
}
