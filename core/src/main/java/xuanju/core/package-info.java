/**
 * Xuanju core: the domain of grassroots elections (基层换届选举) and its rules as pure functions over
 * immutable values. No Spring, servlet or JDBC types may be used here (checked by ArchUnit).
 */
package xuanju.core;
