const health = () => ({
  async check(ctx: any) {
    ctx.body = { plugin: 'disclosure', status: 'ok' };
  },
});

export default health;
