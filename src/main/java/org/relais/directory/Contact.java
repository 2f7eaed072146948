package org.relais.directory;

import java.util.List;

/** A person or list Relais writes to or accepts mail from; {@code address} is always lower case. */
public record Contact(String address, String name, String organisationCode, String language, List<String> roles,
                      String translatesTo) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
