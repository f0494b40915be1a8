/**
 * Where uploaded files live. Without S3_BUCKET: the node's disk (public/uploads), fine for one node.
 * With it: any S3-compatible store, so that every node behind a load balancer serves every file. Objects
 * are written with a private ACL unless S3_PUBLIC=true: Strapi then hands out short-lived signed URLs
 * (S3_SIGNED_URL_SECONDS, default 900) wherever it returns a file (admin, content API), and an object is
 * never reachable by a plain URL. Applicants' files are never returned by a public route at all.
 */
export function uploadConfig(env: (name: string) => string | undefined) {
  const bucket = env('S3_BUCKET');
  if (!bucket) return undefined;
  const endpoint = env('S3_ENDPOINT');
  const isPublic = env('S3_PUBLIC') === 'true';
  return {
    config: {
      provider: 'aws-s3',
      providerOptions: {
        baseUrl: env('S3_PUBLIC_URL') || undefined,
        rootPath: env('S3_ROOT_PATH') || undefined,
        s3Options: {
          region: env('S3_REGION') || 'us-east-1',
          ...(endpoint ? { endpoint, forcePathStyle: env('S3_FORCE_PATH_STYLE') !== 'false' } : {}),
          credentials: { accessKeyId: env('S3_ACCESS_KEY_ID') ?? '', secretAccessKey: env('S3_SECRET_ACCESS_KEY') ?? '' },
          params: {
            Bucket: bucket,
            ACL: isPublic ? 'public-read' : 'private',
            signedUrlExpires: Number(env('S3_SIGNED_URL_SECONDS') || 900),
          },
        },
      },
    },
  };
}

/** Origins the admin must be allowed to load images and media from (the store's URL), for strapi::security's CSP. */
export function uploadOrigins(env: (name: string) => string | undefined): string[] {
  if (!env('S3_BUCKET')) return [];
  return [env('S3_PUBLIC_URL'), env('S3_ENDPOINT')].filter((u): u is string => !!u).map((u) => new URL(u.startsWith('http') ? u : `https://${u}`).origin);
}
