package xuanju.core.profile;

/**
 * A parameter changed by a local plan (本地方案调整), kept with its reason so every trail can show it.
 *
 * @param param the parameter changed
 * @param from the profile value
 * @param to the value in force
 * @param reason why the local plan changed it (e.g. 《某支部选举办法》第五条)
 */
public record AppliedOverride(Param param, String from, String to, String reason) {}
