export default {
  register(app: any) {
    app.registerPlugin({ id: 'chinese-variants', name: 'chinese-variants' });
  },
};
