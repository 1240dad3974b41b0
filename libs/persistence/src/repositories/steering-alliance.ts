/**
 * An LA may belong to several alliances (a borough in its sub-regional alliance and in a wider
 * regional framework), but its referrals are matched by one of them: its steering alliance, the
 * earliest created of the alliances it belongs to (ties by id). That alliance's weights (the
 * defaults while it has set none), its targeting and its step-down days apply to the LA's
 * referrals; another alliance's never do, so only the steering alliance's commissioners can change
 * how the LA's children are matched.
 */

/** SQL for the id of the steering alliance of the LA whose code is the SQL expression `la`. */
export function steeringAllianceOf(la: string): string {
  return `(SELECT steer_m.alliance_id FROM alliance_members steer_m JOIN alliances steer_a ON steer_a.id = steer_m.alliance_id
            WHERE steer_m.local_authority_code = ${la} ORDER BY steer_a.created_at, steer_a.id LIMIT 1)`;
}

/** SQL selecting the codes of the LAs that the alliance whose id is the SQL expression `alliance` steers. */
export function steeredBy(alliance: string): string {
  return `SELECT m.local_authority_code FROM alliance_members m
           WHERE m.alliance_id = ${alliance} AND ${steeringAllianceOf('m.local_authority_code')} = m.alliance_id`;
}
