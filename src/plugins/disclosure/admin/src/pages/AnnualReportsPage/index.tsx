import { Box, Typography } from '@strapi/design-system';

const AnnualReportsPage = () => (
  <Box padding={8}>
    <Typography variant="alpha" tag="h1">
      年度报告
    </Typography>
  </Box>
);

export default AnnualReportsPage;
