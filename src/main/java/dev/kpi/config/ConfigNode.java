package dev.kpi.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed config document: maps, lists and scalars, each with the file position it came from so that
 * every error can point at a line. Read with Jackson's streaming YAML/JSON parsers; the object mapper is
 * deliberately not used (it costs ~100 ms of start-up and gives worse messages).
 */
public final class ConfigNode {
    public enum Type { MAP, LIST, SCALAR, NULL }

    private final Type type;
    private final String text;
    private final Map<String, ConfigNode> map;
    private final List<ConfigNode> list;
    private final String file;
    private final int line;
    private final int column;
    private final String path;

    private ConfigNode(Type type, String text, Map<String, ConfigNode> map, List<ConfigNode> list,
                       String file, int line, int column, String path) {
        this.type = type;
        this.text = text;
        this.map = map;
        this.list = list;
        this.file = file;
        this.line = line;
        this.column = column;
        this.path = path;
    }

    public static ConfigNode parse(Reader reader, String fileName, boolean json) {
        JsonFactory factory = json ? new JsonFactory() : new YAMLFactory();
        try (JsonParser p = factory.createParser(reader)) {
            JsonToken t = p.nextToken();
            if (t == null) return new ConfigNode(Type.MAP, null, Map.of(), null, fileName, 1, 1, "");
            ConfigNode root = read(p, fileName, "");
            if (root.type != Type.MAP) throw new ConfigException(fileName + ":" + root.line + ": the config must be a mapping of keys (currency:, inputs:, …)");
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String where = l == null ? fileName : fileName + ":" + l.getLineNr() + ":" + l.getColumnNr();
            throw new ConfigException(where + ": not valid " + (json ? "JSON" : "YAML") + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(fileName + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static ConfigNode read(JsonParser p, String file, String path) throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr();
        int col = loc.getColumnNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, ConfigNode> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation kl = p.currentTokenLocation();
                    p.nextToken();
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    if (m.containsKey(key)) {
                        throw new ConfigException(file + ":" + kl.getLineNr() + ": key '" + childPath + "' appears twice");
                    }
                    m.put(key, read(p, file, childPath));
                }
                return new ConfigNode(Type.MAP, null, Collections.unmodifiableMap(m), null, file, line, col, path);
            }
            case START_ARRAY: {
                List<ConfigNode> l = new ArrayList<>();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(read(p, file, path + "[" + i++ + "]"));
                }
                return new ConfigNode(Type.LIST, null, null, Collections.unmodifiableList(l), file, line, col, path);
            }
            case VALUE_NULL:
                return new ConfigNode(Type.NULL, null, null, null, file, line, col, path);
            default:
                return new ConfigNode(Type.SCALAR, p.getText(), null, null, file, line, col, path);
        }
    }

    public Type type() { return type; }
    public boolean isMap() { return type == Type.MAP; }
    public boolean isList() { return type == Type.LIST; }
    public boolean isScalar() { return type == Type.SCALAR; }
    public boolean isNull() { return type == Type.NULL; }
    /** Dotted path from the root, e.g. {@code inputs.spend.columns}. */
    public String path() { return path; }
    public int line() { return line; }

    /** "kpi.yaml:7:5" — where this node starts. */
    public String where() { return file + ":" + line + ":" + column; }

    public Map<String, ConfigNode> map() { return map == null ? Map.of() : map; }

    public List<ConfigNode> list() { return list == null ? List.of() : list; }

    public ConfigNode get(String key) { return map == null ? null : map.get(key); }

    /** The scalar text; a type error naming {@code path} otherwise. */
    public String text() {
        if (type == Type.NULL) return null;
        if (type != Type.SCALAR) throw error("expected a single value, found a " + (type == Type.MAP ? "mapping" : "list"));
        return text;
    }

    /** A scalar or a list of scalars, as a list (the config accepts either wherever several are allowed). */
    public List<String> texts() {
        if (type == Type.NULL) return List.of();
        if (type == Type.SCALAR) return List.of(text);
        if (type == Type.LIST) {
            List<String> out = new ArrayList<>();
            for (ConfigNode n : list) out.add(n.text());
            return out;
        }
        throw error("expected a value or a list of values, found a mapping");
    }

    public ConfigException error(String message) {
        return new ConfigException(where() + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    /** Fails on keys outside {@code allowed}, naming the closest allowed key. */
    public void allowOnly(java.util.Collection<String> allowed) {
        for (Map.Entry<String, ConfigNode> e : map().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                String hint = Suggestions.closest(allowed, e.getKey());
                throw e.getValue().keyError("unknown key '" + e.getKey() + "'"
                        + (path.isEmpty() ? "" : " in " + path)
                        + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                        + "; allowed here: " + String.join(", ", allowed));
            }
        }
    }

    private ConfigException keyError(String message) {
        return new ConfigException(file + ":" + line + ": " + message);
    }
}
