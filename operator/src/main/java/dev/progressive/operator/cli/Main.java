package dev.progressive.operator.cli;

public final class Main {
  public static void main(String[] args) {
    System.out.println("progressive-operator");
  }
}
