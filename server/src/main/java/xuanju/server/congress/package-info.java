/**
 * The people's-congress election's own steps (人大代表选举): so far the nominations of deputy candidates
 * per district (推荐代表候选人), checked with core {@code xuanju.core.nomination}. Shown where the
 * election kind's contests are per district ({@code DistrictService.seatsPerDistrict}).
 */
package xuanju.server.congress;
