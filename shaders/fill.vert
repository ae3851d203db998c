#version 330 core
//#include transform.glsl
layout(location = 0) in vec2 aPos;
layout(location = 1) in uint aFeature;
flat out uint vFeature;
out vec2 vPixel;

void main() {
    vPixel = toPixel(aPos);
    vFeature = aFeature;
    gl_Position = pixelToClip(vPixel);
}
