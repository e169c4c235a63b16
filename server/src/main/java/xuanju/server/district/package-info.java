/**
 * Electoral districts, seats, polling stations and the election committee of a direct election
 * (选区划分、代表名额、投票站与选举委员会): the page {@code /elections/{id}/districts}. The rules (the town's total
 * number of deputies, the apportionment proposal, the district checks) are core {@code
 * xuanju.core.district}; this package stores what the committee decided and runs the checks again
 * after every change. Every change is audited.
 */
package xuanju.server.district;
