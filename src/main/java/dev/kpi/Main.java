package dev.kpi;

public final class Main {
    public static void main(String[] args) {
        System.out.println("kpi");
    }
}
