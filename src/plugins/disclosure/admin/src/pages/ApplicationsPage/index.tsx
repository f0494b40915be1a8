import { Box, Typography } from '@strapi/design-system';

const ApplicationsPage = () => (
  <Box padding={8}>
    <Typography variant="alpha" tag="h1">
      依申请公开
    </Typography>
  </Box>
);

export default ApplicationsPage;
