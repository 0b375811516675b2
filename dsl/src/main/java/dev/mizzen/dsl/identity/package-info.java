/** Who may do what: Namespaces with Pod Security levels, ServiceAccounts, RBAC roles and bindings. */
@MizzenStyle
package dev.mizzen.dsl.identity;

import dev.mizzen.style.MizzenStyle;
