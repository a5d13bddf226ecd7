/** The routes of repeats and major complaints, kept apart so their access table is their own. */
export function isRepeatsOrMajorRoute(path: string): boolean {
  return (
    path.startsWith('/v1/major-incidents') ||
    path === '/v1/cases/:complaintId/repeats' ||
    path.startsWith('/v1/cases/:complaintId/repeats/') ||
    path === '/v1/cases/:complaintId/major-incident'
  );
}
