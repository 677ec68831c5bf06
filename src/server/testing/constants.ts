/** Fixed secret for tests only: the template's encrypted BSNs must decrypt in every clone. */
export const TEST_SECRET = 'passend-test-secret-0123456789abcdef-niet-voor-productie';
