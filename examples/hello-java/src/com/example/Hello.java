package com.example;

import java.util.Map;

/** A plain handler: the java runtime calls handleRequest(Map, Context) by reflection. */
public class Hello {

    public Map<String, String> handleRequest(Map<String, Object> event, Object context) {
        Object name = event == null ? null : event.get("name");
        String greeting = System.getenv().getOrDefault("GREETING", "Hello");
        return Map.of("message", greeting + ", " + (name == null ? "world" : name) + "!");
    }
}
